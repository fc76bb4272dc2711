namespace WorkOS.Functional.Properties;

/// <summary>Validation of the Users requests names exactly the bad fields, all at once.</summary>
public sealed class UsersValidationProperties
{
    [Property]
    public Property Id_requests_reject_exactly_blank_ids() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.Blank, WorkOSValues.Id("user_").Select(static s => (string?)s)).ToArbitrary(), id =>
        {
            var blank = string.IsNullOrWhiteSpace(id);
            var expected = blank ? new[] { "user_id" } : [];
            return T.SameSet(T.Fields(GetUserRequest.Create(id)), expected)
                && T.SameSet(T.Fields(DeleteUserRequest.Create(id)), expected)
                && T.SameSet(T.Fields(ListIdentitiesRequest.Create(id)), expected)
                && T.SameSet(T.Fields(GetUserByExternalIDRequest.Create(id)), blank ? ["external_id"] : []);
        });

    [Property]
    public Property CreateUser_reports_every_bad_field_at_once() =>
        Prop.ForAll(
            Gen.OneOf(WorkOSValues.Email.Select(static e => (e, true)), WorkOSValues.BadEmail.Select(static e => (e, false)), WorkOSValues.Blank.Select(static e => (e!, false))).ToArbitrary(),
            Gen.Elements(0, 1, 2, 3, 4, 5, 6, 7).ToArbitrary(),
            (email, passwordMode) =>
            {
                // Bits: 1 = password, 2 = hash, 4 = hash type.
                var password = (passwordMode & 1) != 0 ? "S3cure!pass" : null;
                var hash = (passwordMode & 2) != 0 ? "$2a$10$abc" : null;
                var type = (passwordMode & 4) != 0 ? PasswordHashType.Bcrypt : null;
                var expected = new List<string>();
                if (!email.Item2) expected.Add("email");
                if (password is not null && (hash is not null || type is not null)) expected.Add("password");
                else if (password is null && hash is not null && type is null) expected.Add("password_hash_type");
                else if (password is null && hash is null && type is not null) expected.Add("password_hash");
                var result = CreateUserRequest.Create(email.Item1, password: password, passwordHash: hash, passwordHashType: type);
                return T.SameSet(T.Fields(result), expected.ToArray())
                    .Label($"mode {passwordMode}, email ok {email.Item2}: {T.Fields(result)}");
            });

    [Property]
    public Property UpdateUser_reports_id_email_and_password_problems_together() =>
        Prop.ForAll(Gen.Elements(true, false).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(),
            (idOk, emailOk, passwordOk) =>
            {
                var result = UpdateUserRequest.Create(idOk ? "user_1" : "", email: emailOk ? "a@b.co" : "not-an-email",
                    password: "pw", passwordHash: passwordOk ? null : "hash");
                var expected = new[] { idOk ? null : "user_id", emailOk ? null : "email", passwordOk ? null : "password" }.OfType<string>().ToArray();
                return T.SameSet(T.Fields(result), expected);
            });

    [Property]
    public Property Limit_accepts_exactly_1_to_100() =>
        Prop.ForAll(WorkOSValues.Limit.ToArbitrary(), limit =>
        {
            var result = ListUsersRequest.Create(limit: limit);
            return limit is >= 1 and <= 100
                ? T.Valid(result).Limit == limit
                : T.SameSet(T.Fields(result), "limit");
        });

    [Property]
    public Property Order_accepts_only_asc_and_desc() =>
        Prop.ForAll(WorkOSValues.Token(1, 6).ToArbitrary(), value =>
        {
            var result = ListUsersRequest.Create(order: new Order(value));
            return value is "asc" or "desc" ? T.Valid(result).Order.Value == value : T.SameSet(T.Fields(result), "order");
        });

    [Fact]
    public void Unset_paging_defaults_to_limit_10_and_desc()
    {
        var r = T.Valid(ListUsersRequest.Create());
        Assert.Equal(10, r.Limit);
        Assert.Equal(Order.Desc, r.Order);
        Assert.Equal(ListUsersRequest.Default, r);
    }

    [Property]
    public Property All_list_problems_are_reported_together() =>
        Prop.ForAll(WorkOSValues.BadEmail.ToArbitrary(), WorkOSValues.Outside(1, 100).ToArbitrary(), (email, limit) =>
            T.SameSet(T.Fields(ListUsersRequest.Create(email: email, limit: limit, order: new Order("up"))), "email", "limit", "order"));

    [Fact]
    public void InvalidRequest_message_names_each_field_and_has_its_own_code()
    {
        var error = CreateUserRequest.Create("nope", password: "a", passwordHash: "b").Match(Right: _ => null!, Left: static e => e);
        var invalid = Assert.IsType<InvalidRequest>(error);
        Assert.Equal(ErrorCodes.InvalidRequest, invalid.Code);
        Assert.Contains("email: must be an email address", invalid.Message);
        Assert.Contains("password: cannot be combined", invalid.Message);
    }

    [Fact]
    public void Email_shape_examples()
    {
        Assert.True(Rules.IsEmailShaped("ana@example.com"));
        Assert.True(Rules.IsEmailShaped("a.b+c@sub.example.co"));
        Assert.False(Rules.IsEmailShaped("ana@example"));
        Assert.False(Rules.IsEmailShaped("ana@.com"));
        Assert.False(Rules.IsEmailShaped("@example.com"));
        Assert.False(Rules.IsEmailShaped("a b@example.com"));
        Assert.False(Rules.IsEmailShaped("a@b@example.com"));
        Assert.False(Rules.IsEmailShaped("ana@example."));
    }
}
