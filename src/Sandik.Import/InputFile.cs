using System.IO.Compression;
using System.Text;

namespace Sandik.Import;

/// <summary>Opens an input file for reading text: plain, <c>.gz</c>, or the first entry of a <c>.zip</c>.</summary>
public static class InputFile
{
    /// <exception cref="ImportFailedException">The file does not exist or cannot be opened.</exception>
    public static TextReader OpenText(string path, Encoding encoding, IProgress<ImportProgress>? progress, Func<long> rows)
    {
        if (!File.Exists(path))
            throw new ImportFailedException(path, [new ImportIssue(0, null, "no such file.")], 1);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Stream stream = new ProgressStream(file, progress, rows);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.Entries.FirstOrDefault(e => e.Length > 0)
                ?? throw new ImportFailedException(path, [new ImportIssue(0, null, "the zip archive holds no file.")], 1);
            stream = entry.Open();
        }
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private sealed class ProgressStream(FileStream inner, IProgress<ImportProgress>? progress, Func<long> rows) : Stream
    {
        private long _lastReport;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            if (progress is not null && (inner.Position - _lastReport > 1 << 18 || read == 0))
            {
                _lastReport = inner.Position;
                progress.Report(new ImportProgress(inner.Position, inner.Length, rows()));
            }
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
