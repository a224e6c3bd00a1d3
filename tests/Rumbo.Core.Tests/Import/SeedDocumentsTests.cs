using Rumbo.Core.Seed;

namespace Rumbo.Core.Tests.Import;

public class SeedDocumentsTests
{
    [Fact]
    public void Lists_the_embedded_documents_by_file_name()
    {
        Assert.Equal([SeedFiles.Planning, SeedFiles.Social], SeedDocuments.FileNames);
    }

    [Fact]
    public void Reads_a_document_as_utf8_text()
    {
        var text = SeedDocuments.Read(SeedFiles.Planning);

        Assert.Contains("LC/CRP.20/6", text);
        Assert.Contains("Brasília, 2 and 3 October 2025", text);
    }

    [Fact]
    public void Refuses_an_unknown_name()
    {
        Assert.Throws<FileNotFoundException>(() => SeedDocuments.Read("nothing-here.md"));
    }
}
