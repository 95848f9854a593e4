namespace Steps.Drivers;

/// <summary>The temporary folders a scenario writes state and handoff files into.</summary>
public static class ScratchFolders
{
    /// <summary>Deletes <paramref name="folder"/> and what it holds; a file still held open by a process that is ending is left for the OS.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
