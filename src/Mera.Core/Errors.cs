namespace Mera.Core;

// The refusals every layer may raise and every front end words its own way: the CLI maps them to exit code 1 with
// the message (CliApp), the web to 400/404/409 pages and problem details. Messages are Russian and name the thing.

/// <summary>A request that cannot be carried out as asked (e.g. undoing a batch whose values changed since).</summary>
public sealed class OperationRefusedException(string message) : Exception(message);

/// <summary>A requested thing does not exist.</summary>
public sealed class NotFoundException(string message) : Exception(message);
