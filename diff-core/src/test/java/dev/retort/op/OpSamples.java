package dev.retort.op;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.EnumType;
import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Namespace;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Set;

/** One sample of every operation type, for the tests that must cover them all ({@link OpKinds#all()}). */
public final class OpSamples {
    static final QualifiedName USERS = new QualifiedName(null, "users");
    static final Column EMAIL = Column.of("email", "varchar(100)");
    static final CompositeType ADDRESS = CompositeType.of(
            "postal_address",
            Attribute.of("zip", "integer"),
            Attribute.of("street", "varchar(80)"),
            Attribute.of("city", "text"));
    static final Table TABLE = Table.of(USERS, List.of(Column.of("id", "bigint").identityByDefault(), EMAIL))
            .withPrimaryKey(PrimaryKey.of("id"));

    /** One instance of every operation type. */
    public static final List<Op> ALL = List.of(
            new CreateTable(TABLE),
            new DropTable(TABLE),
            new AddColumn(USERS, EMAIL),
            new DropColumn(USERS, EMAIL),
            new AlterColumn(USERS, EMAIL, EMAIL.withType("varchar(200)").notNull()),
            new AddPrimaryKey(USERS, PrimaryKey.of("email")),
            new DropPrimaryKey(USERS, PrimaryKey.of("id").named("users_pkey")),
            new AddUnique(USERS, UniqueConstraint.of("email")),
            new DropUnique(USERS, UniqueConstraint.of("email").named("users_email_key")),
            new AddForeignKey(
                    USERS,
                    ForeignKey.Columns.of("id").references("accounts", "id").onDelete(ForeignKey.Action.CASCADE)),
            new DropForeignKey(
                    USERS,
                    ForeignKey.Columns.of("id").references("accounts", "id").named("users_id_fkey")),
            new AddCheck(USERS, CheckConstraint.of("char_length(email) > 3")),
            new DropCheck(USERS, CheckConstraint.of("char_length(email) > 3").named("users_email_check")),
            new CreateIndex(USERS, Index.on("email").using("hash")),
            new DropIndex(USERS, Index.on("email").named("users_email_idx")),
            new RenameColumn(USERS, "email", "mail"),
            new RenameIndex(USERS, "users_email_idx", "users_mail_idx"),
            new RenameConstraint(USERS, "users_email_key", "users_mail_key"),
            new AlterTableComment(USERS, null, "People who log in"),
            new AlterTablePersistence(USERS, true),
            new CreateEnum(EnumType.of("mood", "sad", "happy")),
            new DropEnum(EnumType.of("mood", "sad", "happy")),
            new AlterEnum(EnumType.of("mood", "sad", "happy"), EnumType.of("mood", "sad", "ok", "happy")),
            new AddEnumCasts(QualifiedName.of("mood"), Set.of(EnumType.Cast.FROM_VARCHAR, EnumType.Cast.TO_VARCHAR)),
            new DropEnumCasts(QualifiedName.of("mood"), Set.of(EnumType.Cast.TO_VARCHAR)),
            new CreateType(ADDRESS),
            new DropType(ADDRESS),
            new AlterType(
                    ADDRESS,
                    CompositeType.of(
                            "postal_address",
                            Attribute.of("zip", "bigint"),
                            Attribute.of("city", "text").collate("\"C\""),
                            Attribute.of("note", "varchar(1000)"))),
            new RenameTable(new QualifiedName("crm", "users"), "people"),
            new CreateSchema(Namespace.of("sales").comment("What we sell")),
            new DropSchema(Namespace.of("sales")),
            new AlterSchemaComment("sales", null, "What we sell"),
            new CreateSequence(Sequence.of("users_seq", 1, 50)),
            new DropSequence(Sequence.of("users_seq", 1, 50)),
            new AlterSequence(Sequence.of("users_seq", 1, 50), Sequence.of("users_seq", 1, 10)),
            new AlterSequenceOwner(QualifiedName.of("users_id_seq"), null, new Sequence.Owner("users", "id")),
            new AlterColumn(USERS, EMAIL, EMAIL.generatedAs("lower(name)")),
            new AlterColumn(USERS, EMAIL, EMAIL.collate("\"C\"")),
            new AlterColumn(
                    USERS, Column.of("seen", "bigint"), Column.of("seen", "timestamp"), false, Using.TO_BE_WRITTEN),
            new AlterColumn(
                    USERS,
                    Column.of("seen", "bigint"),
                    Column.of("seen", "timestamp"),
                    false,
                    Using.of("to_timestamp(seen)")),
            new AddExclusion(USERS, new ExclusionConstraint("users_no_overlap", "USING gist (during WITH &&)")),
            new DropExclusion(USERS, new ExclusionConstraint("users_no_overlap", "USING gist (during WITH &&)")),
            new CreateIndex(USERS, Index.on("email"), Set.of(Option.CONCURRENTLY, Option.IF_NOT_EXISTS)),
            new DropIndex(USERS, Index.on("email"), Set.of(Option.IF_EXISTS)),
            new AddColumn(USERS, EMAIL, Set.of(Option.IF_NOT_EXISTS)),
            new DropColumn(USERS, EMAIL, Set.of(Option.IF_EXISTS)),
            new AddForeignKey(USERS, ForeignKey.Columns.of("id").references("x", "id"), Set.of(Option.NOT_VALID)),
            new AddCheck(
                    USERS,
                    CheckConstraint.of("char_length(email) > 3").noInherit().notValid()),
            new ValidateConstraint(
                    USERS, CheckConstraint.of("char_length(email) > 3").named("users_email_check")),
            new InvalidateConstraint(
                    USERS,
                    ForeignKey.Columns.of("id").references("accounts", "id").named("users_id_fkey")));

    private OpSamples() {}
}
