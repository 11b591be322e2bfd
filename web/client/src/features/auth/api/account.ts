import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export const useRegister = () =>
  useMutation({
    mutationFn: (input: { email: string; name: string; password: string; organisation?: string }) =>
      api.post<{ next: "verify_email" | "await_approval" }>("/api/auth/register", input),
  });
export const useVerifyEmail = () =>
  useMutation({ mutationFn: (token: string) => api.post("/api/auth/verify", { token }) });
export const useRequestReset = () =>
  useMutation({ mutationFn: (email: string) => api.post("/api/auth/password-reset", { email }) });
export const useResetPassword = () =>
  useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api.post("/api/auth/password-reset/confirm", input),
  });
export const useAcceptInvitation = () =>
  useMutation({
    mutationFn: (input: { token: string; name: string; password: string }) =>
      api.post("/api/auth/invitation/accept", input),
  });
export const useChangePassword = () =>
  useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post("/api/me/password", input),
  });
