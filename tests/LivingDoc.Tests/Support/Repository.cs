namespace LivingDoc.Tests.Support;

/// <summary>The repository this test assembly was built from (the folder with Specs.sln).</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Specs.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Specs.sln not found above " + AppContext.BaseDirectory);
    }
}
