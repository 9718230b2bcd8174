using Bogus;
using Wijkwerk.Core.Domain.Clients;

namespace Wijkwerk.Demo;

/// <summary>
/// Numbers that pass the elfproef, for demos and tests, drawn from 9999xxxxx: the range the Dutch
/// government uses for its test persons, so a demo BSN is never a real resident's.
/// </summary>
public static class SyntheticBsn
{
    public static Bsn Next(Randomizer random)
    {
        while (true)
        {
            var digits = "9999" + random.Replace("#####");
            if (Bsn.PassesElevenTest(digits))
                return Bsn.Parse(digits).Value;
        }
    }
}
