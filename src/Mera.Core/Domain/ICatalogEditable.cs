namespace Mera.Core.Domain;

/// <summary>A catalog item an admin may edit in the web (element, indicator, form).</summary>
public interface ICatalogEditable
{
    /// <summary>Set when an admin edits the item; the catalog sync then keeps the region's wording.</summary>
    DateTimeOffset? EditedAt { get; set; }

    string? EditedBy { get; set; }
}
