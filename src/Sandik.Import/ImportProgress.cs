namespace Sandik.Import;

/// <summary>How far an import has come: bytes of the (possibly compressed) file read so far, of the total.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long Rows)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Min(1.0, (double)BytesRead / TotalBytes);
}
