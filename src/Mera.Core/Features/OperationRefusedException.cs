namespace Mera.Core.Features;

/// <summary>A request that cannot be carried out as asked (e.g. undoing a batch whose values changed since): exit code 1.</summary>
public sealed class OperationRefusedException(string message) : Exception(message);
