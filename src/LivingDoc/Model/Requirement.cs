namespace LivingDoc.Model;

/// <summary>A requirement of the catalogue: its id (what a <c>@req:</c> tag names), title and description (Markdown).</summary>
internal sealed record Requirement(string Id, string Title, string Description);
