namespace WorkOS.Functional;

public static partial class ErrorCodes
{
    /// <summary><see cref="WorkOS.Functional.DeviceCodeExpired"/>: the device code expired while polling.</summary>
    public const int DeviceCodeExpired = 4_100_601;
    /// <summary><see cref="WorkOS.Functional.DeviceAccessDenied"/>: the person denied the device sign-in.</summary>
    public const int DeviceAccessDenied = 4_100_602;
}
