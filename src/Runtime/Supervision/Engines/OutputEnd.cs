using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Runtime.Supervision.Engines;

/// <summary>
/// Marks the end of an engine's output in its own pipes, so that its exit is reported as soon as every line it wrote
/// has been read, even while a helper process it started holds the pipes open (their end of file then never comes).
/// When the engine starts, a write end of its stdout and stderr pipes is opened through <c>/proc/PID/fd</c> (Linux).
/// Once the engine has been reaped, a marker line is written into each pipe, behind everything the engine wrote
/// (a pipe is first in, first out): the reader that meets the marker has read all of it. Where a pipe could not be
/// opened (not Linux, or the engine had already ended), its marker never comes and its end of file is waited for.
/// </summary>
internal sealed class OutputEnd : IDisposable
{
    private static int s_count;
    private readonly string _marker;
    private readonly SafeFileHandle?[] _writers = new SafeFileHandle?[2];
    private readonly TaskCompletionSource[] _seen =
        [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];

    private OutputEnd(int pid)
    {
        _marker = $"\u001eend of the output of engine {pid} ({Environment.ProcessId}.{Interlocked.Increment(ref s_count)})";
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        for (var stream = 0; stream < 2; stream++)
        {
            try
            {
                _writers[stream] = File.OpenHandle($"/proc/{pid}/fd/{stream + 1}", FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The engine has already ended (its descriptors are gone): this pipe's end of file tells.
            }
        }
    }

    /// <summary>Opens the write ends of the output pipes of the engine <paramref name="pid"/>, just started.</summary>
    public static OutputEnd Open(int pid) => new(pid);

    /// <summary>
    /// True when <paramref name="text"/>, a line read from stdout (or stderr when <paramref name="isError"/>), ends with
    /// the marker: the marker is then recorded as read and taken off, leaving what the engine wrote before it without a
    /// newline (often nothing).
    /// </summary>
    public bool TakeMarker(ref string text, bool isError)
    {
        if (!text.EndsWith(_marker, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[..^_marker.Length];
        _seen[isError ? 1 : 0].TrySetResult();
        return true;
    }

    /// <summary>
    /// Writes the marker into both pipes (once the engine has been reaped): true once the reader has met it in both,
    /// false at once when a pipe could not be opened or written (its end of file tells then).
    /// </summary>
    public async Task<bool> MarkAsync()
    {
        var line = Encoding.UTF8.GetBytes(_marker + "\n");
        // Stryker disable once Boolean : equivalent, awaited only by the exit's observation, on the thread pool: no context to resume on
        var written = await Task.Run(() => Write(0, line) & Write(1, line)).ConfigureAwait(false);
        if (!written)
        {
            return false;
        }

        // Stryker disable once Boolean : equivalent, awaited only by the exit's observation, on the thread pool: no context to resume on
        await Task.WhenAll(_seen[0].Task, _seen[1].Task).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            // Stryker disable once Statement : equivalent, the engine's exit marks both pipes first, and each write disposes its writer
            writer?.Dispose();
        }
    }

    private bool Write(int stream, byte[] line)
    {
        if (_writers[stream] is not { } writer)
        {
            return false;
        }

        try
        {
            // A line shorter than PIPE_BUF is written whole; it waits only while the pipe is full, until the reader reads.
            using var pipe = new FileStream(writer, FileAccess.Write, bufferSize: 0);
            pipe.Write(line);
            return true;
        }
        catch (Exception e) when (e is IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            writer.Dispose();
        }
    }
}
