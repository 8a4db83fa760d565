using Sandik.Import.Csv;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Csv;

public sealed class CsvHeaderTests
{
    [Fact]
    public void Finds_columns_by_trimmed_name_and_reports_repeated_names()
    {
        var header = new CsvHeader([" box", "valid ", "box", "a"]);

        header.IndexOf("box").ShouldBe(0);
        header.IndexOf("valid").ShouldBe(1);
        header.IndexOf("missing").ShouldBe(-1);
        header.Duplicates.ShouldBe(["box"]);
    }
}
