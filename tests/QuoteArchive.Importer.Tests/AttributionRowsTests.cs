namespace QuoteArchive.Importer.Tests;

/// <summary>The writer's note of each quote's attribution lines, by which the quotes indexed again are read.</summary>
public sealed class AttributionRowsTests
{
    [Fact]
    public void EachQuoteHasTheLinesWrittenAfterItAndBeforeTheNext()
    {
        var rows = new AttributionRows();
        rows.QuoteWritten(1);
        rows.LineWritten(1);
        rows.LineWritten(2);
        rows.QuoteWritten(2);
        rows.QuoteWritten(3);
        rows.LineWritten(3);
        rows.QuoteWritten(4);

        Assert.Equal((0L, 0L), rows.Of(1));
        Assert.Equal((0L, 2L), rows.Of(2));
        Assert.Equal((2L, 2L), rows.Of(3));
        Assert.Equal((2L, 3L), rows.Of(4));
    }

    [Fact]
    public void AQuoteWrittenOutOfTurnIsRefused()
    {
        var rows = new AttributionRows();
        rows.QuoteWritten(1);
        Assert.Throws<InvalidOperationException>(() => rows.QuoteWritten(3));
    }
}
