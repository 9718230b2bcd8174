using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Maatwerk;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// A minimaatwerk budget request from the dossier: what, the supplier paid in kind, the amount (the team's limit per
/// request shown above), the category, why no regular route fits, a short value triangle, the bottleneck, and last
/// the social-return calculator (its own cost is the amount asked; it may stay empty). Checked as
/// typed by the rules the server applies (<see cref="BudgetRules.CheckNew"/>); confirmed before it is stored.
/// </summary>
public sealed class BudgetRequestFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly string _clientName;
    private readonly Id<BudgetRequest> _id = new(Guid.CreateVersion7());
    private readonly TextField _what;
    private readonly TextField _supplier;
    private readonly TextField _invoice;
    private readonly TextField _amount;
    private readonly SelectField<BudgetCategory> _category;
    private readonly TextArea _why;
    private readonly TextField _legitimacy;
    private readonly TextField _engagement;
    private readonly Checkbox _heard;
    private readonly TagField _bottleneck;
    private readonly SocialReturnFields _calculator;

    private BudgetRequestFormScreen(WijkwerkApp app, Id<Client> clientId, string clientName)
        : base(app, DraftKeys.BudgetRequestForm + ":" + clientId)
    {
        _clientId = clientId;
        _clientName = clientName;
        _what = Text("wat", TextId.FieldBudgetWhat, BudgetRequest.MaxShortLength);
        _supplier = Text("leverancier", TextId.FieldBudgetSupplier, BudgetRequest.MaxShortLength);
        _invoice = Text("factuur of kenmerk", TextId.FieldBudgetInvoice, BudgetRequest.MaxShortLength);
        _amount = Text("bedrag", TextId.FieldBudgetAmount, 20);
        _category = Select("categorie", TextId.FieldBudgetCategory, Enum.GetValues<BudgetCategory>(), c => EnumTexts.Name(c, app.Lang));
        _why = Area("waarom geen voorliggende voorziening", TextId.FieldBudgetWhy, 2, BudgetRequest.MaxTextLength);
        _legitimacy = Text("legitimiteit", TextId.FieldBudgetLegitimacy, BudgetRequest.MaxTextLength);
        _engagement = Text("betrokkenheid", TextId.FieldBudgetEngagement, BudgetRequest.MaxTextLength);
        _heard = Check("gehoord", TextId.FieldResidentHeard, false);
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, BudgetRequest.MaxShortLength);
        // Last: the calculator may stay empty, so the fields every request needs come first in the Tab order.
        _calculator = SocialReturnFields.ForAmount(app, Today, Text, "bedrag", _amount.Label);
        Ready();
    }

    public override string Title => T(TextId.UiBudgetFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiBudgetFormSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiBudgetFormConfirm, Money.Parse(_amount.Text).IsValid ? Money.Parse(_amount.Text).Value.ToString() : _amount.Text, _clientName);

    protected override IReadOnlyList<string> InfoLines =>
    [
        Budget is { } budget ? T(TextId.UiBudgetFormLimit, budget.Team, budget.PerRequestLimit.ToString()) : T(TextId.UiBudgetLedgerNone, Team, Today.Year),
        .. _calculator.InfoLines,
    ];

    public static BudgetRequestFormScreen For(WijkwerkApp app, Client client)
    {
        var screen = new BudgetRequestFormScreen(app, client.Id, client.Name.Full);
        screen.RestoreDraft();
        return screen;
    }

    private DateOnly Today => App.Store.Budget.Today;

    private string Team => App.Store.Budget.Me.Teams.FirstOrDefault() ?? "";

    private TeamBudget? Budget => App.Store.Budget.BudgetOf(Team, Today.Year);

    protected override IReadOnlyList<Problem> Check()
    {
        var amount = Money.Parse(_amount.Text);
        var calculated = new List<Problem>();
        _calculator.Calculate(calculated, amount);
        var request = Request(amount.IsValid ? amount.Value : Money.Zero);
        var problems = BudgetRules.CheckContent(request, Today).Where(p => amount.IsValid || p.Field != "bedrag").ToList();
        if (!amount.IsValid)
            problems.Add(amount.Problem);
        problems.AddRange(calculated);
        if (problems.Count == 0 && BudgetRules.CheckNew(App.Store.Budget.Me, request, Budget, Today) is { } rule)
            problems.Add(rule);
        return problems;
    }

    protected override void Store()
    {
        App.Store.Budget.Request(Request(Money.Parse(_amount.Text).Value));
    }

    protected override void RenderContent(ScreenBuffer buffer, Rect area) => base.RenderContent(buffer, _calculator.Render(buffer, area));

    private BudgetRequest Request(Money amount) => new(
        _id, _clientId, Team, App.Store.Identity.WorkerId, App.Clock.GetUtcNow(), _what.Text.Trim(),
        new InKindSupplier(_supplier.Text.Trim(), _invoice.Text.Trim()), amount, _category.SelectedValue, _why.Text.Trim(),
        new ValueTriangle(_legitimacy.Text.Trim(), _calculator.FiguresIfRoutes, _engagement.Text.Trim(), _heard.Checked), _bottleneck.Text.Trim(),
        BudgetRequestStatus.Requested, null, null);
}
