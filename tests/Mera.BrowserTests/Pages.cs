using Microsoft.Playwright;

namespace Mera.BrowserTests;

/// <summary>Page objects: what a user sees and does on each screen, by label and text rather than by markup.</summary>
public sealed class LoginPage(IPage page, string baseUrl)
{
    public async Task SignInAsync(string login, string password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
    }
}

public sealed class FormPage(IPage page)
{
    public async Task FillAsync(params (string Label, string Value)[] values)
    {
        foreach (var (label, value) in values)
        {
            await page.GetByLabel(label, new() { Exact = false }).FillAsync(value);
        }
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();

    public Task SaveDraftAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" }).ClickAsync();
}

public sealed class MonitorPage(IPage page)
{
    public async Task DecideAsync(string school, string button, string? comment = null)
    {
        await page.GetByLabel("Выбрать " + school).CheckAsync();
        if (comment is not null)
        {
            await page.GetByLabel("Комментарий для школы").FillAsync(comment);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (button == "Вернуть на доработку")
        {
            // A return is asked again, naming the school and the comment it will read.
            var question = page.GetByRole(AriaRole.Alertdialog);
            await Assertions.Expect(question).ToContainTextAsync(school);
            await Assertions.Expect(question).ToContainTextAsync(comment!);
            await question.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    public Task<string> StatusOfAsync(string school) =>
        page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = school, Exact = true }) }).Locator(".badge").InnerTextAsync();
}
