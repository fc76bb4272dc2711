namespace WorkOS.Functional;

/// <summary>Validated input of <c>CreateMagicAuth</c> (spec §2.6 #26). The invitation token is a <see cref="Secret"/>.</summary>
public sealed record CreateMagicAuthRequest
{
    private CreateMagicAuthRequest(string email, Option<Secret> invitationToken) => (Email, InvitationToken) = (email, invitationToken);

    /// <summary>The email address to send a code to.</summary>
    public string Email { get; }
    /// <summary>A pending invitation's token to associate the code with; not sent when unset.</summary>
    public Option<Secret> InvitationToken { get; }

    /// <summary>Validates: <c>email</c> required and address-shaped; <c>invitation_token</c> optional.</summary>
    /// <param name="email">The email address.</param>
    /// <param name="invitationToken">A pending invitation's token.</param>
    public static Either<Error, CreateMagicAuthRequest> Create(string? email, string? invitationToken = null) =>
        Rules.Email("email", email).Map(e => new CreateMagicAuthRequest(e, Rules.OptionalSecret(invitationToken))).ToRequest();
}
