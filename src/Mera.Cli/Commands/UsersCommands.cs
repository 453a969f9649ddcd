using System.CommandLine;
using Mera.Core.Domain;
using Mera.Core.Features.Users;

namespace Mera.Cli.Commands;

/// <summary>`./mera users add`: the first administrator, or any user, from the command line.</summary>
internal static class UsersCommands
{
    public static Command Create(CliContext cli)
    {
        var users = new Command("users", "Пользователи");
        var login = new Option<string>("--login") { Description = "Логин (латинские буквы, цифры, - . _ @)", Required = true };
        var role = new Option<string>("--role") { Description = $"Роль: {string.Join(", ", Roles.All)}", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var org = new Option<string>("--org") { Description = "Код организации, к которой привязан пользователь", Required = true };
        var email = new Option<string?>("--email") { Description = "Электронная почта" };
        var name = new Option<string?>("--name") { Description = "ФИО и должность" };
        var password = new Option<string?>("--password") { Description = "Пароль (иначе берётся из MERA_PASSWORD или запрашивается)" };
        var add = new Command("add", "Создать пользователя") { login, role, org, email, name, password };
        add.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("MERA_PASSWORD") ?? ReadPassword();
            var user = await AddUser.RunAsync(database, new AddUser.Command(parse.GetValue(login)!, parse.GetValue(role)!,
                parse.GetValue(org)!, secret, parse.GetValue(email), parse.GetValue(name), CreatedBy: cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Пользователь «{user.UserName}» создан: {Roles.ToRussian(user.Role)}, организация {parse.GetValue(org)}.");
            return 0;
        });
        users.Subcommands.Add(add);
        return users;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }
        Console.Error.Write("Пароль: ");
        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0) chars.RemoveAt(chars.Count - 1);
            else if (!char.IsControl(key.KeyChar)) chars.Add(key.KeyChar);
        }
        Console.Error.WriteLine();
        return new string([.. chars]);
    }
}
