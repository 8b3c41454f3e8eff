// Once a passkey is added (django-otp-webauthn's script says so with an event), go on to the recovery codes.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.assign(document.getElementById("passkey").dataset.done);
});
