using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Text) = code switch
        {
            404 => ("Страница не найдена", "Такой страницы нет или она относится к организации, к которой у вас нет доступа."),
            403 => ("Доступ запрещён", "У вашей учётной записи нет прав на это действие."),
            409 => ("Данные только что изменены", "Другой пользователь изменил эти данные мгновением раньше. Обновите страницу, проверьте и повторите."),
            429 => ("Слишком много попыток", "Подождите минуту и повторите."),
            400 => ("Неверный запрос", "Форма устарела или заполнена неверно. Обновите страницу и повторите."),
            _ => ("Произошла ошибка", "Запрос не выполнен. Данные не изменены."),
        };
    }
}
