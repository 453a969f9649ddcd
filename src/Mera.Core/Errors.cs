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
}
