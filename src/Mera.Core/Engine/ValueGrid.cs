using Mera.Core.Domain;

namespace Mera.Core.Engine;

/// <summary>
/// One value per (leaf, element slot) for the requested period after the time rules of DOMAIN §3:
/// values inside the period combine by the element's aggregation; a longer period's value applies to
/// every period inside it when nothing finer exists; `ever` looks back across all earlier years.
/// </summary>
internal sealed class ValueGrid
{
    private const byte None = 0, FromContainer = 1, Inside = 2;

    private readonly int _slots;
    private readonly TimeAggregation[] _aggregation;
    private readonly double[] _value;
    private readonly byte[] _state;
    private readonly int[] _key;
    private readonly Period _period;
    private readonly int _start, _end;
    private readonly int[] _containerAnchor;

    public ValueGrid(int leaves, TimeAggregation[] aggregationBySlot, Period period)
    {
        _slots = aggregationBySlot.Length;
        _aggregation = aggregationBySlot;
        _value = new double[leaves * _slots];
        _state = new byte[leaves * _slots];
        _key = new int[leaves * _slots];
        _period = period;
        _start = period.Start.DayNumber;
        _end = period.End.DayNumber;
        _containerAnchor = new int[5];
        foreach (var container in period.Containers())
        {
            _containerAnchor[(int)container.Type] = container.Anchor.DayNumber;
        }
    }

    public int Slots => _slots;

    /// <summary>Feeds one stored value; rows that do not bear on the period are ignored.</summary>
    public void Add(int leaf, int slot, PeriodType type, int anchorDay, double value)
    {
        var i = leaf * _slots + slot;
        var aggregation = _aggregation[slot];
        var inside = type <= _period.Type && anchorDay >= _start && anchorDay <= _end;
        var container = type > _period.Type && _containerAnchor[(int)type] == anchorDay;
        if (aggregation == TimeAggregation.Ever)
        {
            if (anchorDay <= _end || container)
            {
                _value[i] = _state[i] == None ? value : Math.Max(_value[i], value);
                _state[i] = Inside;
            }
            return;
        }
        if (inside)
        {
            AddInside(i, aggregation, type, anchorDay, value);
        }
        else if (container && _state[i] != Inside)
        {
            // Prefer the shortest containing period: a month's value is closer to a week than the year's.
            var rank = -(int)type;
            if (_state[i] == None || rank > _key[i])
            {
                _value[i] = value;
                _key[i] = rank;
                _state[i] = FromContainer;
            }
        }
    }

    private void AddInside(int i, TimeAggregation aggregation, PeriodType type, int anchorDay, double value)
    {
        if (aggregation == TimeAggregation.Sum)
        {
            _value[i] = _state[i] == Inside ? _value[i] + value : value;
            _state[i] = Inside;
            return;
        }
        // `last`: the latest period inside wins; on the same anchor the finer period is the more recent report.
        var key = anchorDay * 8 + (8 - (int)type);
        if (_state[i] != Inside || key > _key[i])
        {
            _value[i] = value;
            _key[i] = key;
            _state[i] = Inside;
        }
    }

    public bool Has(int leaf, int slot) => _state[leaf * _slots + slot] != None;

    /// <summary>Copies a leaf's values into a reusable buffer (null = no value), without allocating.</summary>
    public void Fill(int leaf, double?[] buffer)
    {
        var offset = leaf * _slots;
        for (var s = 0; s < _slots; s++)
        {
            buffer[s] = _state[offset + s] == None ? null : _value[offset + s];
        }
    }
}
