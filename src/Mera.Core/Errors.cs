namespace Mera.Core;

// The refusals every layer may raise and every front end words its own way: the CLI maps them to exit code 1 with
// the message (CliApp), the web to 400/404/409 pages and problem details. Messages are Russian and name the thing.

/// <summary>A request that cannot be carried out as asked (e.g. undoing a batch whose values changed since).</summary>
public sealed class OperationRefusedException(string message) : Exception(message);

/// <summary>A requested thing does not exist.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Which exceptions carry a message for the user, decided once for the CLI and the web.</summary>
public static class Errors
{
    /// <summary>A refusal or a missing thing: the request was understood and declined (CLI exit 1, web 400/404/409).</summary>
    public static bool IsRefusal(Exception ex) => ex is OperationRefusedException or NotFoundException;

    /// <summary>Input that could not be read (a period, a number, a date): CLI exit 2, web 400. A null argument is a
    /// bug, never a message for the user.</summary>
    public static bool IsBadInput(Exception ex) => ex is FormatException || ex is ArgumentException and not ArgumentNullException;

    /// <summary>Anything a user is told in words rather than shown an error page for.</summary>
    public static bool IsForUser(Exception ex) => IsRefusal(ex) || IsBadInput(ex);

    /// <summary>The message as a page words it: parameters by name, not by command-line flag.</summary>
    public static string Describe(Exception ex) => ex is MissingInputException m ? m.ForPage : ex.Message;
}

/// <summary>A parameter the request needs and lacks. Core names the parameter, not how it is typed: the CLI says
/// «укажите --period», a page «укажите период» (<see cref="Errors.Describe"/>).</summary>
public sealed class MissingInputException(MissingInputException.Input what, string context, string? example = null, string? pageExample = null)
    : ArgumentException(Text(context, Flag(what), example))
{
    public enum Input { Period, Form, Org }

    public Input What { get; } = what;
    public string Context { get; } = context;
    public string? Example { get; } = example;

    public static string Flag(Input what) => what switch { Input.Period => "--period", Input.Form => "--form", _ => "--org" };

    public static string Word(Input what) => what switch { Input.Period => "период", Input.Form => "форму", _ => "организацию" };

    /// <summary>The message with the parameter named in words, for a page.</summary>
    public string ForPage => Text(Context, Word(What), pageExample ?? Example);

    /// <summary>
    /// A period of this kind as the object of «укажите …» (<c>Noun</c>: «неделю»), exemplified on the command line
    /// (<c>Cli</c>: «неделю, например 2024-W41») and on a page (<c>Page</c>: «неделю, например «41 неделя 2024»»).
    /// </summary>
    public static (string Noun, string Cli, string Page) PeriodExample(Domain.PeriodType type)
    {
        var (noun, code, words) = type switch
        {
            Domain.PeriodType.Week => ("неделю", "2024-W41", "41 неделя 2024"),
            Domain.PeriodType.Month => ("месяц", "2024-10", "октябрь 2024"),
            Domain.PeriodType.Year => ("год", "2024", "2024 год"),
            _ => ("квартал", "2024Q4", "4 квартал 2024"),
        };
        return (noun, $"{noun}, например {code}", $"{noun}, например «{words}»");
    }

    private static string Text(string context, string parameter, string? example) =>
        $"{context}: укажите {parameter}{(example is null ? "" : $": {example}")}";
}
