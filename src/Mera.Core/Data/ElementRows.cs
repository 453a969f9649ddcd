using Mera.Core.Domain;

namespace Mera.Core.Data;

/// <summary>
/// The catalog's data elements through a plain data reader: an import checks its rows against them while the EF model
/// is still being built on another core (ADR 0018), and a write reads them without compiling an EF query.
/// </summary>
public static class ElementRows
{
    public static async Task<Dictionary<string, DataElement>> ByCodeAsync(MeraDb database, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        return await ByCodeAsync(connection, ct);
    }

    /// <summary>On an open connection outside a transaction — a write's own, before it begins (no EF query to compile).</summary>
    public static async Task<Dictionary<string, DataElement>> ByCodeAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, code, name, unit, value_type, period_type, time_aggregation, source, supplier FROM data_elements";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var elements = new Dictionary<string, DataElement>();
        while (await reader.ReadAsync(ct))
        {
            var element = new DataElement
            {
                Id = reader.GetInt32(0), Code = reader.GetString(1), Name = reader.GetString(2), Unit = reader.GetString(3),
                ValueType = (ElementValueType)reader.GetInt32(4), PeriodType = (PeriodType)reader.GetInt32(5),
                TimeAggregation = (TimeAggregation)reader.GetInt32(6), Source = reader.GetString(7), Supplier = reader.GetString(8),
            };
            elements[element.Code] = element;
        }
        return elements;
    }
}
