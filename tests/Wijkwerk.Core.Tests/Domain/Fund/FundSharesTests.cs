using FsCheck;
using FsCheck.Fluent;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Fund;

/// <summary>
/// Settlement arithmetic (issue 13, "Must show"): a responsible partner owes the whole amount; a unique case is shared
/// pro rata to the deposits in whole cents, and the shares always add up to the amount exactly, each within one cent
/// of its exact share, the same way whatever order the partners come in.
/// </summary>
public class FundSharesTests
{
    private static Wijkwerk.Core.Domain.Fund.Fund PartnersWith(params long[] depositCents) => new(
        depositCents.Select((_, i) => $"Partner {i + 1:00}").ToList(),
        depositCents.Select((cents, i) => new FundDeposit($"Partner {i + 1:00}", new Money(cents), new DateOnly(2026, 1, 1))).ToList(),
        []);

    [Fact]
    public void ResponsiblePartner_OwesTheWholeAmount_SpelledAsTheFundSpellsIt()
    {
        var shares = FundShares.Of(new Money(123_456), "woonstichting synthetica", FundSamples.FundOf()).Value;
        Assert.Equal([new FundShare(FundSamples.Housing, new Money(123_456))], shares);
    }

    [Fact]
    public void UnknownResponsiblePartner_IsRefusedWithTheKnownPartners()
    {
        var split = FundShares.Of(new Money(10_000), "Onbekende Stichting", FundSamples.FundOf());
        Assert.False(split.IsValid);
        Assert.Contains("'Onbekende Stichting' is geen partner van het fonds; kies een van: Gemeente Voorbeeldstad, Woonstichting Synthetica, Zorgverzekeraar Proef",
            split.Problem.Describe(Wijkwerk.Core.Localization.Lang.Nl));
    }

    [Fact]
    public void AThousandEurosAndOneCentOverThreeEqualPartners_AddsUpExactly_TheExtraCentByName()
    {
        var shares = FundShares.Of(new Money(100_001), null, PartnersWith(500_000, 500_000, 500_000)).Value;
        Assert.Equal([33_334L, 33_334L, 33_333L], shares.Select(s => s.Amount.Cents));
        Assert.Equal(100_001, shares.Sum(s => s.Amount.Cents));
    }

    [Fact]
    public void FourteenUnequalDeposits_AwkwardAmount_SharesFollowTheDepositsAndAddUp()
    {
        long[] deposits = [500_000, 500_000, 750_000, 250_000, 100_000, 1_000_000, 333_333, 66_667, 500_000, 420_000, 80_000, 500_001, 499_999, 1];
        var fund = PartnersWith(deposits);
        var shares = FundShares.Of(new Money(299_999), null, fund).Value;

        Assert.Equal(14, shares.Count);
        Assert.Equal(299_999, shares.Sum(s => s.Amount.Cents));
        var total = deposits.Sum();
        for (var i = 0; i < deposits.Length; i++)
        {
            var exact = 299_999m * deposits[i] / total;
            var share = shares.Single(s => s.Partner == $"Partner {i + 1:00}").Amount.Cents;
            Assert.InRange(share, Math.Floor(exact), Math.Ceiling(exact));
        }
    }

    [Fact]
    public void NoDeposits_UniqueCaseCannotBeShared()
    {
        var split = FundShares.Of(new Money(10_000), null, PartnersWith());
        Assert.False(split.IsValid);
        Assert.Equal(Wijkwerk.Core.Localization.TextId.FundNoDeposits, split.Problem.Text);
    }

    [Fact]
    public void Property_RandomDepositsAndAmounts_SharesAddUpWithinACentOfExact_WhateverTheOrder()
    {
        var cases =
            from count in Gen.Choose(1, 20)
            from deposits in Gen.ArrayOf(Gen.Choose(1, 100_000_000).Select(c => (long)c), count)
            from amount in Gen.Choose(1, 1_000_000_000)
            from seed in Gen.Choose(0, int.MaxValue)
            select (Deposits: deposits, Amount: (long)amount, Seed: seed);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var weights = c.Deposits.Select((d, i) => (Partner: $"P{i:00}", Weight: new Money(d))).ToList();
            var shares = FundShares.ProRata(new Money(c.Amount), weights);
            var shuffled = weights.ToArray();
            new Random(c.Seed).Shuffle(shuffled);
            var again = FundShares.ProRata(new Money(c.Amount), shuffled);
            var total = c.Deposits.Sum();
            var withinACent = weights.All(w =>
            {
                var exact = (decimal)c.Amount * w.Weight.Cents / total;
                var share = shares.Single(s => s.Partner == w.Partner).Amount.Cents;
                return share >= Math.Floor(exact) && share <= Math.Ceiling(exact);
            });
            return shares.Sum(s => s.Amount.Cents) == c.Amount && withinACent && shares.SequenceEqual(again) && shares.All(s => s.Amount.Cents >= 0);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
