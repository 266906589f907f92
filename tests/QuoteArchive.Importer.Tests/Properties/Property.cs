using CsCheck;

namespace QuoteArchive.Importer.Tests.Properties;

/// <summary>
/// Runs a property over generated values from a fixed seed, so that every run checks the same cases and a failure
/// reproduces. <c>QUOTEARCHIVE_FUZZ_CASES</c> and <c>QUOTEARCHIVE_FUZZ_SEED</c> change the count and the seed:
/// <c>bench/fuzz-importer.sh</c> runs the same properties over far more cases.
/// </summary>
internal static class Property
{
    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("QUOTEARCHIVE_FUZZ_SEED"), out var seed) ? seed : 20261127;

    /// <summary><paramref name="cases"/> unless the environment asks for another count.</summary>
    public static int Cases(int cases) =>
        int.TryParse(Environment.GetEnvironmentVariable("QUOTEARCHIVE_FUZZ_CASES"), out var count) ? count : cases;

    public static void ForAll<T>(Gen<T> gen, int cases, Action<T> property)
    {
        var random = new PCG(1, Seed);
        for (var i = 0; i < cases; i++)
        {
            var value = gen.Generate(random, null, out _);
            try
            {
                property(value);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i} of seed {Seed} fails: {value}\n{ex.GetType().Name}: {ex.Message}", ex);
            }
        }
    }
}
