using QuoteArchive.Storage;

namespace QuoteArchive.Importer.Tests;

public sealed class ArchiveSchemaTests
{
    [Fact]
    public void SchemaVersionIsTheHashOfTheModel()
    {
        var ofTheModel = ArchiveSchema.VersionOfTheModel();

        Assert.True(ofTheModel == ArchiveSchema.Version,
            $"The archive's schema changed: set ArchiveSchema.Version to {ofTheModel} (it is {ArchiveSchema.Version}), so that archives built before are refused as outdated.");
    }
}
