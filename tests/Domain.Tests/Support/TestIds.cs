using System.Buffers.Binary;
using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>
/// The ids tests give what a command creates (the domain takes them from its caller, like the time). Made from the
/// meeting's id and the sequence number of the event that will record the new thing: the same steps always make the
/// same ids, a refused step leaves the next id unused, and two meetings never share one.
/// </summary>
public static class TestIds
{
    public static Guid NextId(this Meeting meeting)
    {
        Span<byte> bytes = stackalloc byte[16];
        meeting.Id.TryWriteBytes(bytes);
        var tail = bytes[8..];
        BinaryPrimitives.WriteInt64BigEndian(tail, BinaryPrimitives.ReadInt64BigEndian(tail) ^ (meeting.Version + 1));
        return new Guid(bytes);
    }
}
