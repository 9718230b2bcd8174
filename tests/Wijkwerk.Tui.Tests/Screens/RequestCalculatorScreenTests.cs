using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Fund;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The social-return calculator in the budget and the fund request forms, driven by keys on a nurse's demo laptop
/// (the demo's cost table, version 2): the amount asked is the own cost, the figures show as typed, a bad quantity
/// or horizon is named at its field with the typing kept, the draft keeps the calculator's fields, and the stored
/// figures read back after a restart on the request's detail screen.
/// </summary>
public sealed class RequestCalculatorScreenTests
{
    public enum Kind
    {
        Budget,
        Fund,
    }

    // € 350 own cost against one eviction (€ 6.000) and three months of shelter (€ 30.000 a year): € 13.500 avoided.
    private const string Figures = "Vermeden € 13.500,00 − eigen kosten € 350,00 = netto € 13.150,00 · ratio 38,57 · 12 mnd · kostentabel v2";

    [Theory]
    [InlineData(Kind.Budget)]
    [InlineData(Kind.Fund)]
    public void Figures_ShowAsTyped_WithTheAmountAskedAsTheOwnCost_AndTheFormSaysSo(Kind kind)
    {
        using var app = Laptop(kind);
        var form = OpenForm(app, kind);
        var empty = Flat(app.Screen());

        FillRequired(app, kind, "350");
        GoTo(app, form, "route:uithuiszetting").Type("1");
        GoTo(app, form, "route:opvang").Type("3");
        var screen = Flat(app.Screen());
        GoTo(app, form, "bedrag").Press(KeyInput.Ctrl('u')).Type("700");
        var doubled = Flat(app.Screen());

        Assert.Contains("eigen kosten = het veld Bedrag", empty, StringComparison.Ordinal);
        Assert.Contains("Rekenhulp: vul bij de vermeden routes een aantal in.", empty, StringComparison.Ordinal);
        Assert.Contains(Figures, screen, StringComparison.Ordinal);
        Assert.Contains("Vermeden € 13.500,00 − eigen kosten € 700,00 = netto € 12.800,00 · ratio 19,29", doubled, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Kind.Budget, "route:uithuiszetting", "20000", "Gedwongen uithuiszetting: aantal moet 1 tot en met 10000 zijn")]
    [InlineData(Kind.Fund, "route:uithuiszetting", "20000", "Gedwongen uithuiszetting: aantal moet 1 tot en met 10000 zijn")]
    [InlineData(Kind.Budget, "horizon", "0", "Horizon in maanden: moet 1 tot en met 120 maanden zijn")]
    [InlineData(Kind.Fund, "horizon", "999", "Horizon in maanden: moet 1 tot en met 120 maanden zijn")]
    public void ABadQuantityOrHorizon_IsNamedAtItsField_KeepsTheTyping_AndNothingIsStored(Kind kind, string field, string typed, string message)
    {
        using var app = Laptop(kind);
        var form = OpenForm(app, kind);
        var before = Requests(app, kind);
        FillRequired(app, kind, "350");

        GoTo(app, form, field).Press(KeyInput.Ctrl('u')).Type(typed).Press(KeyInput.Ctrl('s'));

        Assert.Same(form, app.Top);
        Assert.Equal(typed, form.Field(field).Read());
        Assert.Contains(form.Problems, p => p.Field == field);
        Assert.Contains("Rekenhulp: " + message, Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(before, Requests(app, kind));
    }

    [Theory]
    [InlineData(Kind.Budget)]
    [InlineData(Kind.Fund)]
    public void TheDraft_KeepsWhatWasTypedInTheCalculator_OverARestart(Kind kind)
    {
        using var app = Laptop(kind);
        var form = OpenForm(app, kind);
        FillRequired(app, kind, "350");
        GoTo(app, form, "horizon").Press(KeyInput.Ctrl('u')).Type("6");
        GoTo(app, form, "route:opvang").Type("9");

        app.Restart();

        var reopened = app.TopAs<FormScreen>();
        Assert.Equal(("6", "9", ""), (reopened.Field("horizon").Read(), reopened.Field("route:opvang").Read(), reopened.Field("route:uithuiszetting").Read()));
        // Nine months asked, six counted: the horizon typed before the restart still holds.
        Assert.Contains("Vermeden € 15.000,00 − eigen kosten € 350,00", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Kind.Budget)]
    [InlineData(Kind.Fund)]
    public void StoredFigures_ReadBackAfterARestart_OnTheRequestsDetail(Kind kind)
    {
        using var app = Laptop(kind);
        var form = OpenForm(app, kind);
        var before = Requests(app, kind);
        FillRequired(app, kind, "350");
        GoTo(app, form, "route:uithuiszetting").Type("1");
        GoTo(app, form, "route:opvang").Type("3");
        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Equal(before + 1, Requests(app, kind));

        app.Restart();
        var figures = StoredFigures(app, kind, out var detail);
        app.App.Push(detail);
        app.Press(KeyInput.Up);
        var screen = ScrolledThrough(app);

        Assert.NotNull(figures);
        Assert.Equal((new Money(35_000), new Money(13_500_00), new Money(13_150_00), 38.57m, 12, 2), (figures.OwnCost, figures.AvoidedCost, figures.NetReturn, figures.Ratio, figures.HorizonMonths, figures.CostTableVersion));
        Assert.Equal([("uithuiszetting", 1, new Money(6_000_00)), ("opvang", 3, new Money(7_500_00))], figures.Routes.Select(r => (r.RouteCode, r.CountedQuantity, r.Cost)));
        Assert.Contains("Maatschappelijk rendement over 12 maanden (kostentabel versie 2):", screen, StringComparison.Ordinal);
        Assert.Contains("Gedwongen uithuiszetting: 1 × € 6.000,00 per keer = € 6.000,00", screen, StringComparison.Ordinal);
        Assert.Contains(Figures, screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Kind.Budget)]
    [InlineData(Kind.Fund)]
    public void WithoutAnAvoidedRoute_NoFiguresAreStored_AndTheDetailSaysSo(Kind kind)
    {
        using var app = Laptop(kind);
        OpenForm(app, kind);
        FillRequired(app, kind, "350");
        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);

        var figures = StoredFigures(app, kind, out var detail);
        app.App.Push(detail);
        app.Press(KeyInput.Up);

        Assert.Null(figures);
        Assert.Contains("Maatschappelijk rendement: niet berekend", ScrolledThrough(app), StringComparison.Ordinal);
    }

    /// <summary>A nurse's demo laptop, a member of the fund, with the team's budget and the cost table as a pull gives them.</summary>
    private static AppHarness Laptop(Kind kind)
    {
        var app = kind == Kind.Budget ? BudgetDesk.Open(160, 50) : new AppHarness(160, 50, role: Role.Nurse);
        if (kind == Kind.Fund)
        {
            DemoBudget.Fill(app.Store);
            DemoFund.Fill(app.Store);
        }

        return app;
    }

    private static FormScreen OpenForm(AppHarness app, Kind kind)
    {
        app.App.Push(new DossierScreen(app.App, app.Store.Clients.Search()[0].Id));
        app.Press(kind == Kind.Budget ? 'g' : 'f');
        return kind == Kind.Budget ? app.TopAs<BudgetRequestFormScreen>() : app.TopAs<FundRequestFormScreen>();
    }

    /// <summary>Every field a request needs, from the first, in Tab order; the calculator's fields come after them.</summary>
    private static void FillRequired(AppHarness app, Kind kind, string amount)
    {
        if (kind == Kind.Budget)
        {
            app.Type("Wasmachine").Press(KeyInput.Tab).Type("Witgoed West").Press(KeyInput.Tab).Type("offerte 77").Press(KeyInput.Tab)
                .Type(amount).Press(KeyInput.Tab).Press(KeyInput.Tab).Type("Bijzondere bijstand duurt te lang").Press(KeyInput.Tab);
        }
        else
        {
            app.Type("Inwoner dreigt afgesloten te worden van energie").Press(KeyInput.Tab).Type(amount).Press(KeyInput.Tab)
                .Type("Energie weer aansluiten").Press(KeyInput.Tab).Type("Energie Fictief").Press(KeyInput.Tab).Press(KeyInput.Tab)
                .Type("De regeling betaalt pas na zes weken").Press(KeyInput.Tab).Press(KeyInput.Character(' ')).Press(KeyInput.Tab)
                .Type("Inkomen is geregeld").Press(KeyInput.Tab);
        }

        app.Type("De regel past hier niet").Press(KeyInput.Tab).Type("Inwoner werkt mee").Press(KeyInput.Tab)
            .Press(KeyInput.Character(' ')).Press(KeyInput.Tab).Type("calculator-test");
    }

    /// <summary>Tabs to a field the way a person does; fails rather than looping when the field is not there.</summary>
    private static AppHarness GoTo(AppHarness app, FormScreen form, string key)
    {
        var target = form.Field(key).Widget;
        for (var i = 0; i < 40 && (target.Cursor is null || form.Cursor != target.Cursor); i++)
            app.Press(KeyInput.Tab);
        Assert.True(form.Cursor == target.Cursor, $"Could not tab to {key}.");
        return app;
    }

    private static int Requests(AppHarness app, Kind kind) => kind == Kind.Budget ? app.Store.Budget.All().Count : app.Store.Fund.All().Count;

    /// <summary>The newest request of the worker, as stored, with its detail screen.</summary>
    private static SocialReturn? StoredFigures(AppHarness app, Kind kind, out Tui.App.AppScreen detail)
    {
        var me = app.Store.Identity.WorkerId;
        if (kind == Kind.Budget)
        {
            var budget = app.Store.Budget.All().Where(r => r.RequestedBy == me).MaxBy(r => r.RequestedAt)!;
            detail = new BudgetRequestDetailScreen(app.App, budget);
            return budget.Triangle.SocialReturn;
        }

        var fund = app.Store.Fund.All().Where(r => r.RequestedBy == me).MaxBy(r => r.RequestedAt)!;
        detail = new FundRequestDetailScreen(app.App, fund);
        return fund.Triangle.SocialReturn;
    }

    /// <summary>The whole detail, read page by page as a person scrolls it.</summary>
    private static string ScrolledThrough(AppHarness app)
    {
        var screen = Flat(app.Screen());
        for (var i = 0; i < 5; i++)
            screen += " " + Flat(app.Press(KeyInput.PageDown).Screen());
        return screen;
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));
}
