"use client";

import { ROLES, type Role } from "@creditseg/core/constants";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useMe } from "../session/me-context";
import type { inferRouterOutputs } from "@trpc/server";
import { DataTable, type DataColumn } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { USER_LIST_INPUT } from "./user-list-input";
import { formText } from "../form-text";
import { ConfirmButton } from "../ui/confirm-button";
import { useErrorText } from "~/components/ui/error-text";

type UserRow = inferRouterOutputs<AppRouter>["user"]["list"]["items"][number];

/** Users: who may sign in with which role; admins add, deactivate, reactivate and unlock accounts. */
export function UsersView() {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions(USER_LIST_INPUT));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(trpc.user.reactivate.mutationOptions({ onSuccess: refresh }));
  const unlock = useMutation(trpc.user.unlock.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.user.update.mutationOptions({ onSuccess: refresh }));
  const actionError = deactivate.error ?? reactivate.error ?? unlock.error ?? update.error;
  const isLocked = (user: UserRow) => Boolean(user.lockedUntil && new Date(user.lockedUntil) > new Date());
  const columns: DataColumn<UserRow>[] = [
    { id: "email", header: t("email"), accessorFn: (user) => user.email },
    {
      id: "name",
      header: t("name"),
      accessorFn: (user) => user.name,
      cell: ({ row }) => (
        <>
          <span translate="no">{row.original.name}</span>{" "}
          {row.original.id === me.id ? <span className="muted">({t("self")})</span> : null}
        </>
      ),
    },
    {
      id: "role",
      header: t("role"),
      accessorFn: (user) => ROLES.indexOf(user.role),
      cell: ({ row }) =>
        row.original.id === me.id ? (
          tr(row.original.role)
        ) : (
          <SelectField
            label={`${t("role")}: ${row.original.email}`}
            isLabelHidden
            value={row.original.role}
            isDisabled={update.isPending}
            onChange={(role) => update.mutate({ userId: row.original.id, role: role as Role })}
            options={ROLES.map((option) => ({ value: option, label: tr(option) }))}
          />
        ),
    },
    { id: "officerCode", header: t("officerCode"), accessorFn: (user) => user.officerCode ?? "—" },
    {
      id: "active",
      header: t("active"),
      accessorFn: (user) => user.isActive,
      cell: ({ row }) =>
        row.original.isActive ? (
          <span className="badge ok">{tc("yes")}</span>
        ) : (
          <span className="badge danger">{tc("no")}</span>
        ),
    },
    {
      id: "locked",
      header: t("locked"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) => (isLocked(row.original) ? formatDateTime(row.original.lockedUntil) : "—"),
    },
    {
      id: "actions",
      header: tc("actions"),
      enableSorting: false,
      cell: ({ row }) => {
        const user = row.original;
        return (
          <div className="row">
            {user.id !== me.id ? (
              user.isActive ? (
                <ConfirmButton
                  className="danger"
                  label={t("deactivate")}
                  title={t("deactivateTitle", { name: user.name })}
                  confirmLabel={t("deactivateConfirm")}
                  onConfirm={() => deactivate.mutate({ userId: user.id })}
                >
                  <p>{t("deactivateBody", { email: user.email })}</p>
                </ConfirmButton>
              ) : (
                <button type="button" onClick={() => reactivate.mutate({ userId: user.id })}>
                  {t("reactivate")}
                </button>
              )
            ) : null}
            {isLocked(user) ? (
              <button type="button" onClick={() => unlock.mutate({ userId: user.id })}>
                {t("unlock")}
              </button>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <CreateUserForm onCreated={refresh} />
      <section className="panel" aria-labelledby="user-list">
        <h2 id="user-list">{t("title")}</h2>
        {actionError ? (
          <p role="alert" className="field-error">
            {actionError.message}
          </p>
        ) : null}
        <DataTable
          columns={columns}
          rows={users.data?.items}
          rowId={(user) => user.id}
          caption={t("title")}
          isLoading={users.isPending}
          error={users.error}
          onRetry={() => void users.refetch()}
          empty={<p>{t("empty")}</p>}
          pageSize={50}
        />
      </section>
    </>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => unknown }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const tr = useTranslations("roles");
  const trpc = useTRPC();
  const [role, setRole] = useState<Role>("credit_officer");
  const create = useMutation(trpc.user.create.mutationOptions({ onSuccess: onCreated }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const officerCode = formText(form, "officerCode").trim();
    create.mutate(
      {
        email: formText(form, "email"),
        name: formText(form, "name"),
        role,
        officerCode: officerCode || null,
        locale: form.get("locale") === "en" ? "en" : "zh-CN",
        password: formText(form, "password"),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="create-user">
      <h2 id="create-user">{t("create")}</h2>
      <div className="filters">
        <label className="field">
          <span>{t("email")}</span>
          <input name="email" type="email" required maxLength={254} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t("name")}</span>
          <input name="name" required maxLength={100} />
        </label>
        <SelectField
          label={t("role")}
          name="role"
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={ROLES.map((option) => ({ value: option, label: tr(option) }))}
        />
        <label className="field">
          <span>{t("officerCode")}</span>
          <input
            name="officerCode"
            maxLength={32}
            pattern="[A-Za-z0-9_\-]{1,32}"
            required={role === "credit_officer"}
            size={8}
          />
        </label>
        <SelectField
          label={t("locale")}
          name="locale"
          defaultValue="zh-CN"
          options={[
            { value: "zh-CN", label: "简体中文" },
            { value: "en", label: "English" },
          ]}
        />
        <label className="field">
          <span>{t("password")}</span>
          <input name="password" type="password" required minLength={10} maxLength={128} autoComplete="new-password" />
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("create")}
        </button>
      </div>
      {create.error ? (
        <p role="alert" className="field-error">
          {errorText(create.error)}
        </p>
      ) : null}
      {create.isSuccess ? <p role="status">{t("created")}</p> : null}
    </form>
  );
}
