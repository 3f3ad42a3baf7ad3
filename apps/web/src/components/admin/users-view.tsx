"use client";

import { ROLES, type Role } from "@creditseg/core/constants";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useMe } from "../session/me-context";
import { EmptyState, QueryView } from "../ui/states";
import { formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

/** Users: who may sign in with which role; admins add, deactivate, reactivate and unlock accounts. */
export function UsersView() {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions({ limit: 200 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(trpc.user.reactivate.mutationOptions({ onSuccess: refresh }));
  const unlock = useMutation(trpc.user.unlock.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.user.update.mutationOptions({ onSuccess: refresh }));
  const actionError = deactivate.error ?? reactivate.error ?? unlock.error ?? update.error;
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
        <QueryView query={users}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("email")}</th>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("role")}</th>
                    <th scope="col">{t("officerCode")}</th>
                    <th scope="col">{t("active")}</th>
                    <th scope="col">{t("locked")}</th>
                    <th scope="col">{tc("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => (
                    <tr key={user.id}>
                      <td>{user.email}</td>
                      <td>
                        {user.name} {user.id === me.id ? <span className="muted">({t("self")})</span> : null}
                      </td>
                      <td>
                        {user.id === me.id ? (
                          tr(user.role)
                        ) : (
                          <select
                            aria-label={`${t("role")}: ${user.email}`}
                            value={user.role}
                            disabled={update.isPending}
                            onChange={(event) => update.mutate({ userId: user.id, role: event.target.value as Role })}
                          >
                            {ROLES.map((option) => (
                              <option key={option} value={option}>
                                {tr(option)}
                              </option>
                            ))}
                          </select>
                        )}
                      </td>
                      <td>{user.officerCode ?? "—"}</td>
                      <td>
                        {user.isActive ? (
                          <span className="badge ok">{tc("yes")}</span>
                        ) : (
                          <span className="badge danger">{tc("no")}</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {user.lockedUntil && new Date(user.lockedUntil) > new Date()
                          ? formatDateTime(user.lockedUntil)
                          : "—"}
                      </td>
                      <td className="row">
                        {user.id !== me.id ? (
                          user.isActive ? (
                            <button
                              type="button"
                              className="danger"
                              onClick={() => deactivate.mutate({ userId: user.id })}
                            >
                              {t("deactivate")}
                            </button>
                          ) : (
                            <button type="button" onClick={() => reactivate.mutate({ userId: user.id })}>
                              {t("reactivate")}
                            </button>
                          )
                        ) : null}
                        {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
                          <button type="button" onClick={() => unlock.mutate({ userId: user.id })}>
                            {t("unlock")}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => unknown }) {
  const t = useTranslations("users");
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
        <label className="field">
          <span>{t("role")}</span>
          <select name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {tr(option)}
              </option>
            ))}
          </select>
        </label>
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
        <label className="field">
          <span>{t("locale")}</span>
          <select name="locale" defaultValue="zh-CN">
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
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
          {create.error.message}
        </p>
      ) : null}
      {create.isSuccess ? <p role="status">{t("created")}</p> : null}
    </form>
  );
}
