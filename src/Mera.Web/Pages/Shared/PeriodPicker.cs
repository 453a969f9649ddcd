using Mera.Core.Domain;

namespace Mera.Web.Pages.Shared;

/// <summary>
/// The period field of a page (issue 21): the period in words, a list of nearby periods of the same kind to pick
/// from, previous/next links that name the period they lead to, and typed words read by <see cref="PeriodInput"/>.
/// <paramref name="Link"/> builds the page's address for another period's code.
/// </summary>
public sealed record PeriodPicker(Period Current, Func<string, string> Link, string Id = "period", string Name = "period")
{
    /// <summary>The periods offered in the list: the current one's neighbours and the same kind a year around it.</summary>
    public IReadOnlyList<Period> Suggestions
    {
        get
        {
            var count = Current.Type switch { PeriodType.Week => 8, PeriodType.Month => 12, PeriodType.Quarter => 8, _ => 5 };
            var first = Current;
            for (var i = 0; i < count / 2; i++)
            {
                first = first.Previous();
            }
            var list = new List<Period>();
            for (var p = first; list.Count < count; p = p.Next())
            {
                list.Add(p);
            }
            return list;
        }
    }
}
