using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Values;

/// <summary>Checks a single cell against the element's type: counts are non-negative integers, flags 0/1.</summary>
public static class ValueParsing
{
    public static double? Parse(string text, DataElement element, out string? error)
    {
        error = null;
        if (element.ValueType == ElementValueType.Flag && CellParsing.Flag(text) is bool flag && text.Trim().Length > 0)
        {
            return flag ? 1 : 0;
        }
        if (!CellParsing.TryNumber(text, out var value))
        {
            error = text.Trim().Length == 0 ? "значение не указано" : $"«{text.Trim()}» не является числом";
            return null;
        }
        if (value < 0)
        {
            error = $"значение {text.Trim()} отрицательное";
        }
        else if (element.ValueType == ElementValueType.Flag && value is not (0 or 1))
        {
            error = $"признак может быть только 0 или 1, указано {text.Trim()}";
        }
        else if (element.ValueType == ElementValueType.Integer && Math.Abs(value - Math.Round(value)) > 1e-9)
        {
            error = $"значение {text.Trim()} должно быть целым числом ({element.Unit})";
        }
        return error is null ? value : null;
    }
}
