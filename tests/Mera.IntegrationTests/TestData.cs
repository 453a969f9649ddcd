using System.Globalization;

namespace Mera.IntegrationTests;

/// <summary>
/// The file formats tests write, defined once (docs/domain.md, «Import formats»): a change of a column is one edit
/// here, not eleven. <see cref="Values(ValueRow[])"/> builds a values file from rows; <see cref="RegistryBuilder"/>
/// a registry from units.
/// </summary>
public static class TestData
{
    public const string ValuesHeader = "org,element,period,value";
    public const string RegistryHeader = "code,name,type,parent_code,inn,kpp,ogrn,address,is_rural,is_branch,email";

    public readonly record struct ValueRow(string Org, string Element, string Period, double Value)
    {
        public override string ToString() => $"{Org},{Element},{Period},{Value.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Values(params ValueRow[] rows) => ValuesHeader + "\n" + string.Concat(rows.Select(r => r + "\n"));

    public static string ValuesFile(string name, params ValueRow[] rows) => Cli.WriteFile(name, Values(rows));

    public sealed class RegistryBuilder
    {
        private readonly System.Text.StringBuilder _csv = new(RegistryHeader + "\n");

        public RegistryBuilder Unit(string code, string name, string type, string? parent = null, string? inn = null, string? kpp = null,
            bool rural = false, bool branch = false, string? email = null)
        {
            _csv.Append($"{code},{name},{type},{parent},{inn},{kpp},,,{(rural ? 1 : 0)},{(branch ? 1 : 0)},{email}\n");
            return this;
        }

        public override string ToString() => _csv.ToString();
    }
}
