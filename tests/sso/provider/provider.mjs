// A real OpenID Connect provider for the single sign-on tests: panva's oidc-provider (OpenID Certified), on
// localhost, with one confidential client (Waarborg) and a login page of its own. Nothing of the protocol is
// faked: discovery, the authorization code flow with PKCE, signed ID tokens (RS256, a key made at start),
// the token and userinfo endpoints are the library's.
//
// Started by tests/sso/conftest.py with one JSON argument:
//   {"port": 0, "client_id": "...", "client_secret": "...", "redirect_uris": ["..."],
//    "accounts": {"anna": {"groups": ["waarborg-fg"], "email": "anna@example.nl"}}}
// Prints `listening <issuer>` once it accepts connections. The login page has a name field and a box
// "with a second factor": ticked, the ID token says amr ["pwd", "otp"] and acr "mfa", as an IdP does after
// its own second factor; unticked, amr ["pwd"]. Any name is accepted (it is the IdP's own affair who exists);
// names not in `accounts` get no groups.

import crypto from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const config = JSON.parse(process.argv[2] || "{}");
const accounts = config.accounts || {};

const key = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

async function start() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(config.port || 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris || [],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_post",
    }],
    jwks: { keys: [{ ...key, kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    claims: {
      openid: ["sub"],
      email: ["email"],
      profile: ["preferred_username", "name"],
      groups: ["groups"],
      acr: null,
      amr: null,
    },
    acrValues: ["pwd", "mfa"],
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(ctx, sub) {
      const account = accounts[sub] || {};
      return {
        accountId: sub,
        async claims() {
          return { sub, preferred_username: sub, name: sub, email: account.email || "", groups: account.groups || [] };
        },
      };
    },
  });
  const callback = provider.callback();

  async function interaction(req, res) {
    const details = await provider.interactionDetails(req, res);
    const uid = details.uid;
    if (req.method === "GET" && details.prompt.name === "login") {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="en"><head><title>Test IdP</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Account</label><input id="login" name="login" autocomplete="off">
<label for="mfa">With a second factor</label><input id="mfa" type="checkbox" name="mfa" value="1">
<button type="submit">Sign in</button>
</form></body></html>`);
      return;
    }
    let result;
    if (req.method === "POST" && req.url.endsWith("/login")) {
      const form = await readForm(req);
      const login = (form.get("login") || "").trim();
      if (!login) {
        res.statusCode = 400;
        res.end("no account name");
        return;
      }
      const mfa = form.get("mfa") === "1";
      result = { login: { accountId: login, amr: mfa ? ["pwd", "otp"] : ["pwd"], acr: mfa ? "mfa" : "pwd" } };
    } else if (details.prompt.name === "consent") {
      // A staff member of the organisation does not consent to the organisation's own application: grant it.
      const grant = details.grantId ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      result = { consent: { grantId: await grant.save() } };
    } else {
      res.statusCode = 400;
      res.end("unexpected interaction");
      return;
    }
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  server.on("request", (req, res) => {
    if (req.url.startsWith("/interaction/")) {
      interaction(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error && error.message));
      });
    } else {
      callback(req, res);
    }
  });
  process.stdout.write(`listening ${issuer}\n`);
}

start().catch((error) => {
  process.stderr.write(`${error && error.stack}\n`);
  process.exit(1);
});
