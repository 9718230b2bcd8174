using Bogus;
using Wijkwerk.Core.Domain.Clients;

namespace Wijkwerk.Core.Demo;

/// <summary>Numbers that pass the elfproef, for demos and tests. Random, so they belong to nobody we know of.</summary>
public static class SyntheticBsn
{
    public static Bsn Next(Randomizer random)
    {
        while (true)
        {
            var digits = random.Replace("#########");
            if (digits[0] != '0' && Bsn.PassesElevenTest(digits))
                return Bsn.Parse(digits).Value;
        }
    }
}
