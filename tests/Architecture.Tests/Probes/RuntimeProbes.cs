namespace ForumHub.Api.Runtime.ArchitectureProbe;

public static class RuntimeUsesEfCore
{
    public static Type Uses => typeof(Microsoft.EntityFrameworkCore.DbContext);
}

public static class RuntimeUsesSignalR
{
    public static Type Uses => typeof(Microsoft.AspNetCore.SignalR.HubConnectionContext);
}

public static class RuntimeUsesTheHubs
{
    public static Type Uses => typeof(Hubs.MeetingHub);
}

public static class RuntimeUsesTheClock
{
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow();
}
