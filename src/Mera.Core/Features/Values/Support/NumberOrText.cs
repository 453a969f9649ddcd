using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mera.Core.Features.Values;

/// <summary>
/// A value posted to the API as `"548"` or as `548`: scripts send numbers as JSON numbers, and both mean the same. The
/// number is kept as the invariant text the value parser reads, so every other check stays the same.
/// </summary>
public sealed class NumberOrText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("значение должно быть числом или строкой"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
