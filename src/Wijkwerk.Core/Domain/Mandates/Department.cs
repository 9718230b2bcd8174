using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Mandates;

/// <summary>A municipal department a mandate can reach across (Werk en Inkomen, Wmo, Opvang…), from the administrator's list.</summary>
public sealed record Department(string Name)
{
    public const int MaxNameLength = 60;

    /// <summary>A name as the administrator types it: trimmed, not empty, no comma (lists of departments are comma separated).</summary>
    public static Parsed<Department> Parse(string? text, string field = "afdeling")
    {
        var name = (text ?? "").Trim();
        if (name.Length == 0)
            return Parsed<Department>.Fail(field, TextId.FieldRequired);
        if (name.Length > MaxNameLength || name.Contains(',') || name.Any(char.IsControl))
            return Parsed<Department>.Fail(field, TextId.DepartmentNameShape, MaxNameLength);
        return Parsed<Department>.Ok(new Department(name));
    }

    /// <summary>Department names compare without regard to case: "wmo" and "Wmo" are one department.</summary>
    public static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
