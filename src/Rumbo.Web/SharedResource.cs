namespace Rumbo.Web;

/// <summary>Anchor type for the interface strings in Resources/SharedResource.*.resx.</summary>
public sealed class SharedResource;
