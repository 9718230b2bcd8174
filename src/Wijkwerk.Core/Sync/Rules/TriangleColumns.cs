using System.Globalization;
using System.Text.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// The value triangle as the column texts of any row that carries one (a mandate decision, a budget request).
/// The social return travels as its figures (sums plus the routes with the amounts used), so a row keeps what it
/// was justified with whatever the cost table says later.
/// </summary>
public static class TriangleColumns
{
    /// <summary>Free text of the triangle: sealed on the laptop.</summary>
    public static IReadOnlyList<string> Secrets { get; } = ["legitimacy", "engagement"];

    internal sealed record RouteJson(string Code, string Name, long AmountCents, string Period, int Quantity, int Counted, long CostCents);

    public static void Write(ValueTriangle triangle, IDictionary<string, string?> into)
    {
        var figures = triangle.SocialReturn;
        into["legitimacy"] = triangle.Legitimacy;
        into["engagement"] = triangle.Engagement;
        into["resident_heard"] = triangle.ResidentHeard ? "1" : "0";
        into["own_cost"] = figures is null ? null : Number(figures.OwnCost.Cents);
        into["avoided_cost"] = figures is null ? null : Number(figures.AvoidedCost.Cents);
        into["net_return"] = figures is null ? null : Number(figures.NetReturn.Cents);
        into["return_ratio"] = figures?.Ratio?.ToString(CultureInfo.InvariantCulture);
        into["horizon_months"] = figures is null ? null : Number(figures.HorizonMonths);
        into["cost_table_version"] = figures is null ? null : Number(figures.CostTableVersion);
        into["avoided_routes"] = figures is null ? null : JsonSerializer.Serialize(
            figures.Routes.Select(r => new RouteJson(r.RouteCode, r.Name, r.Amount.Cents, r.Period.ToString(), r.Quantity, r.CountedQuantity, r.Cost.Cents)).ToList(), ColumnJson.Default.ListRouteJson);
    }

    internal static ValueTriangle Read(ColumnReader r)
    {
        var figures = r.Has("avoided_cost") || r.Has("own_cost") || r.Has("avoided_routes") ? Figures(r) : null;
        return new ValueTriangle(r.Text("legitimacy"), figures, r.Text("engagement"), r.Flag("resident_heard"));
    }

    private static SocialReturn Figures(ColumnReader r)
    {
        List<RouteJson>? routes;
        try
        {
            routes = JsonSerializer.Deserialize(r.Text("avoided_routes"), ColumnJson.Default.ListRouteJson);
        }
        catch (JsonException e)
        {
            throw new ColumnException("avoided_routes", e);
        }

        if (routes is null || routes.Any(x => x is null || x.Code is null || x.Name is null || !RowRules.TryEnum<CostPeriod>(x.Period ?? "", out _)))
            throw new ColumnException("avoided_routes", null);
        var ratio = r.Has("return_ratio")
            ? decimal.TryParse(r.Text("return_ratio"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : throw new ColumnException("return_ratio", null)
            : (decimal?)null;
        return new SocialReturn(
            new Money(r.Long("own_cost")), new Money(r.Long("avoided_cost")), new Money(r.Long("net_return")), ratio,
            Int(r, "horizon_months"), Int(r, "cost_table_version"),
            routes.Select(x => new RouteFigure(x.Code, x.Name, new Money(x.AmountCents), Enum.Parse<CostPeriod>(x.Period), x.Quantity, x.Counted, new Money(x.CostCents))).ToList());
    }

    private static int Int(ColumnReader r, string column) => r.OptionalInt(column) ?? throw new ColumnException(column, null);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
