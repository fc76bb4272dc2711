namespace WorkOS.Functional;

/// <summary>A pending email change, as <c>SendEmailChange</c> answers: a code was sent for the new address.</summary>
/// <param name="User">The user whose address changes (still with the old address).</param>
/// <param name="NewEmail">The requested new address.</param>
/// <param name="ExpiresAt">When the code expires.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
public sealed record EmailChange(User User, string NewEmail, string ExpiresAt, string CreatedAt);

/// <summary>A confirmed email change, as <c>ConfirmEmailChange</c> answers.</summary>
/// <param name="User">The user, whose <see cref="WorkOS.Functional.User.Email"/> is now the new address.</param>
public sealed record EmailChangeConfirmation(User User);
