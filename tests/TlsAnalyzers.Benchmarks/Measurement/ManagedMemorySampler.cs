using System;
using System.Threading;

namespace TlsAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Polls the managed heap size on a background thread and keeps the largest value. The runtime reports no peak of
/// its own, so a sample every few milliseconds is the estimate; a spike shorter than that can be missed.
/// </summary>
internal sealed class ManagedMemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly Thread thread;
    private volatile bool stopping;
    private long peakBytes;

    private ManagedMemorySampler()
    {
        peakBytes = GC.GetTotalMemory(forceFullCollection: false);
        thread = new Thread(Sample) { IsBackground = true, Name = "Managed memory sampler" };
        thread.Start();
    }

    public static ManagedMemorySampler Start() => new();

    /// <summary>Stops sampling and returns the largest heap size seen, in bytes.</summary>
    public long Stop()
    {
        stopping = true;
        thread.Join();
        return Math.Max(Interlocked.Read(ref peakBytes), GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose()
    {
        if (!stopping)
        {
            Stop();
        }
    }

    private void Sample()
    {
        while (!stopping)
        {
            var current = GC.GetTotalMemory(forceFullCollection: false);
            if (current > Interlocked.Read(ref peakBytes))
            {
                Interlocked.Exchange(ref peakBytes, current);
            }

            Thread.Sleep(Interval);
        }
    }
}
