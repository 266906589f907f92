using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuoteArchive.Web.Hosting;

namespace QuoteArchive.Web.Tests.Serving;

/// <summary>The output cache holds at most <c>OutputCache:SizeLimitMegabytes</c> of answers: the app's memory follows it.</summary>
public sealed class CacheSizeTests
{
    [Theory]
    [InlineData(null, 32L << 20)]
    [InlineData("8", 8L << 20)]
    [InlineData("200", 200L << 20)]
    public void TheCacheHoldsTheConfiguredMegabytes(string? setting, long bytes)
    {
        using var services = Services(setting);

        Assert.Equal(bytes, services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public void NoRoomAtAllIsRefusedSayingWhatToWrite(string setting)
    {
        using var services = Services(setting);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OutputCacheOptions>>().Value);

        Assert.Contains("OutputCache:SizeLimitMegabytes must be a whole number of megabytes, 1 or more", refused.Message);
    }

    private static ServiceProvider Services(string? setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("OutputCache:SizeLimitMegabytes", setting)]).Build();
        return new ServiceCollection().AddLogging().AddArchiveOutputCache(configuration).BuildServiceProvider();
    }
}
