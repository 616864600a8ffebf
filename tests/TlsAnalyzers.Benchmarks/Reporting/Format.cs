using System;
using System.Globalization;

namespace TlsAnalyzers.Benchmarks.Reporting;

/// <summary>Number formats of the report, culture-invariant so runs on different machines compare as text.</summary>
internal static class Format
{
    public static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) + " s";

    /// <summary>Formats analyzer times, which are often well under a second, in milliseconds.</summary>
    public static string Milliseconds(TimeSpan time) =>
        time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double fraction) =>
        (fraction * 100).ToString(fraction < 0.1 ? "F2" : "F1", CultureInfo.InvariantCulture) + "%";

    public static string Scale(double scale) => scale.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="numerator"/> / <paramref name="denominator"/>, or null if undefined.</summary>
    public static double? Divide(TimeSpan numerator, TimeSpan denominator) =>
        denominator > TimeSpan.Zero ? numerator / denominator : null;
}
