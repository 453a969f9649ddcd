#!/usr/bin/env python3
"""Makes the seed fixtures the way an official would: each TSV (cut from the seed documents as printed) becomes
a Word table (HTML -> DOCX by LibreOffice Writer) and a Russian-locale Excel workbook (CSV -> XLSX by LibreOffice
Calc with the ru-RU locale and "detect special numbers", so «1.1.» and «01.02.2020» become dates as they do in
Excel). The DOCX repeats the header after a "page break", adds the «1 2 3 …» numbering row, writes soft hyphens
and line breaks inside cells, and merges the roadmap's header cells («Сроки реализации» over «Начало/Окончание»).
Run: ./make.sh (needs soffice). The outputs are committed; tests never run LibreOffice for them."""
import csv, html, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))

def read(name):
    rows = []
    with open(os.path.join(here, name), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            rows.append([c.replace('\\n', '\n') for c in line.rstrip('\n').split('\t')])
    return rows

def cell(text, soft=False):
    words = html.escape(text).split(' ')
    if soft:  # a soft hyphen in every long word, as Word's hyphenation stores them
        words = [w[:6] + '&shy;' + w[6:] if len(w) > 12 else w for w in words]
    return ' '.join(words).replace('\n', '<br>')

def roadmap_header():
    h = ['№ п/п', 'Наименование результата, мероприятия, контрольной точки', 'Сроки реализации',
         'Ответственный исполнитель', 'Вид документа и характеристика результата']
    return ('<tr><td rowspan="2">{0}</td><td rowspan="2">{1}</td><td colspan="2">{2}</td><td rowspan="2">{3}</td>'
            '<td rowspan="2">{4}</td></tr><tr><td>Начало</td><td>Окончание</td></tr>').format(*map(html.escape, h))

def targets_header():
    return ('<tr><td rowspan="2">Оренбургская область</td><td colspan="2">Базовое значение</td>'
            '<td colspan="7">Период реализации регионального проекта, год</td></tr>'
            '<tr><td>Значение</td><td>Дата</td>' + ''.join(f'<td>{y}</td>' for y in range(2018, 2025)) + '</tr>')

def table_html(rows, header_html, columns, repeat_at):
    out = ['<html><head><meta charset="utf-8"></head><body><p>ПЛАН МЕРОПРИЯТИЙ</p><table border="1">']
    numbering = '<tr>' + ''.join(f'<td>{i}</td>' for i in range(1, columns + 1)) + '</tr>'
    out += [header_html, numbering]
    for i, r in enumerate(rows):
        if i == repeat_at:  # the header and the numbering again, as printed after a page break
            out += [header_html, numbering]
        if len(r) == 1:  # a title row, merged across the table
            out.append(f'<tr><td colspan="{columns}">{cell(r[0], soft=True)}</td></tr>')
        else:
            out.append('<tr>' + ''.join(f'<td>{cell(c, soft=True)}</td>' for c in r) + '</tr>')
    out.append('</table><p>Исполнитель</p></body></html>')
    return '\n'.join(out)

def soffice(args, cwd):
    subprocess.run(['soffice', '--headless', '--norestore'] + args, cwd=cwd, check=True, stdout=subprocess.DEVNULL)

def make(name, header_html, repeat_at, header_rows=1):
    rows = read(name + '.tsv')
    header, data = rows[header_rows - 1], rows[header_rows:]
    csv_header = rows[:header_rows]
    if header_html is None:
        header_html = '<tr>' + ''.join(f'<td>{html.escape(h)}</td>' for h in header) + '</tr>'
    data = [r for r in data if any(c.strip() for c in r) and not all(c == str(i + 1) for i, c in enumerate(r))]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(table_html(data, header_html, len(header), repeat_at))
        soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', name + '.html'], tmp)
        with open(os.path.join(tmp, name + '.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, delimiter=';')
            w.writerows(csv_header)
            w.writerows(data)
        # 59 = «;», 34 = «"», 76 = UTF-8, from line 1, ru-RU (1049), quoted fields not forced to text, special numbers detected
        soffice(['--infilter=CSV:59,34,76,1,,1049,false,true', '--convert-to', 'xlsx', name + '.csv'], tmp)
        for ext, suffix in (('docx', '.docx'), ('xlsx', '.ru.xlsx')):
            os.replace(os.path.join(tmp, f'{name}.{ext}'), os.path.join(here, name + suffix))

make('roadmap-004', roadmap_header(), repeat_at=25)
make('annex2-003', None, repeat_at=4)
make('decisions-002', None, repeat_at=3)
make('targets-004', targets_header(), repeat_at=4, header_rows=2)

# Seed 002's decision as it is signed — prose, numbered paragraphs — as a Word document.
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(here, 'decision-002.txt'), encoding='utf-8') as f, open(os.path.join(tmp, 'decision-002.txt'), 'w', encoding='utf-8') as g:
        g.write(f.read().replace('**', ''))
    soffice(['--infilter=Text (encoded):UTF8', '--convert-to', 'docx:MS Word 2007 XML', 'decision-002.txt'], tmp)
    os.replace(os.path.join(tmp, 'decision-002.docx'), os.path.join(here, 'decision-002.docx'))
