using System.Text;

namespace Mera.Core.Reading;

/// <summary>Files come as UTF-8 (with or without BOM) or Windows-1251 from older Excel: decide by trying strict UTF-8.</summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static Encoding Detect(Stream stream)
    {
        var start = stream.Position;
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        // A cut at the buffer's end may split a multi-byte character: ignore an incomplete tail.
        var length = read;
        while (length > 0 && length > read - 4 && (buffer[length - 1] & 0xC0) == 0x80)
        {
            length--;
        }
        if (length > 0 && buffer[length - 1] >= 0xC0)
        {
            length--;
        }
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(buffer, 0, length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Windows1251;
        }
    }
}
