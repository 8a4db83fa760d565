using Sandik.Import.Csv;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_delimiters_and_doubled_quotes()
    {
        var records = ReadAll("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n");

        records.ShouldHaveSingleItem().Fields.ShouldBe(["a", "b,c", "say \"hi\"", ""]);
    }

    [Fact]
    public void Keeps_line_breaks_inside_quotes_and_counts_them_for_the_next_record()
    {
        var records = ReadAll("name,note\nx,\"first\nsecond\nthird\"\ny,plain\n");

        records.Select(r => r.Line).ShouldBe([1, 2, 5]);
        records[1].Fields[1].ShouldBe("first\nsecond\nthird");
        records[2].Fields.ShouldBe(["y", "plain"]);
    }

    [Fact]
    public void Counts_lines_the_same_with_crlf_line_ends_inside_and_outside_quotes()
    {
        var records = ReadAll("a,b\r\n\"1\r\n2\",3\r\nz,4\r\n");

        records.Select(r => r.Line).ShouldBe([1, 2, 4]);
        records[1].Fields.ShouldBe(["1\r\n2", "3"]);
        records[2].Fields.ShouldBe(["z", "4"]);
    }

    [Fact]
    public void Reads_a_last_record_without_a_line_end_and_keeps_empty_fields()
    {
        var records = ReadAll("a,,\n,b,");

        records.Select(r => r.Fields).ShouldBe([["a", "", ""], ["", "b", ""]]);
    }

    [Fact]
    public void Gives_a_blank_line_as_one_empty_field()
    {
        var records = ReadAll("a\n\nb\n");

        records.Select(r => (r.Line, r.Fields.Length)).ShouldBe([(1, 1), (2, 1), (3, 1)]);
        records[1].Fields.ShouldBe([""]);
    }

    [Fact]
    public void Reads_tab_separated_text_where_commas_are_data()
    {
        var records = ReadAll("İl\tSandık No\nİSTANBUL\t1,001\n", '\t');

        records[1].Fields.ShouldBe(["İSTANBUL", "1,001"]);
    }

    [Fact]
    public void Names_the_line_where_an_unclosed_quote_starts()
    {
        var reader = new CsvReader(new StringReader("a,b\nc,d\n\"open,\nnever closed\n"));
        var fields = new List<string>();
        reader.Read(fields);
        reader.Read(fields);

        Should.Throw<FormatException>(() => reader.Read(fields)).Message.ShouldStartWith("line 3:");
    }

    [Fact]
    public void Treats_a_quote_inside_an_unquoted_field_as_text()
    {
        ReadAll("5\" box,x\n").ShouldHaveSingleItem().Fields.ShouldBe(["5\" box", "x"]);
    }

    private static List<(int Line, string[] Fields)> ReadAll(string text, char delimiter = ',')
    {
        var reader = new CsvReader(new StringReader(text), delimiter);
        var fields = new List<string>();
        var records = new List<(int, string[])>();
        while (reader.Read(fields)) records.Add((reader.Line, fields.ToArray()));
        return records;
    }
}
