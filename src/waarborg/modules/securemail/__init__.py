"""Mail from residents (seed 003): secure mail with an access code, questions and appointments, no-DigiD forms.

- Veilig mailen (S3-41, like Cryptshare): the sender asks for a one-time access code at their address;
  only with that code, bound to that address, unused and younger than 30 minutes, is a message with
  attachment accepted. Codes are stored as keyed hashes; messages and attachments are sealed with the
  sender's own data key (as a vault record of type `secure_message`).
- Vragen en afspraken per e-mail (S3-40): staff register the e-mail as a `question` record under the
  questions purpose, so it is in the sender's access export, and mark it answered.
- The policy switches the module on and names both purposes (`modules.securemail.purposes`: `secure_mail`,
  `questions`); where it does not, the pages and endpoints answer 404.
- Geen DigiD (S3-42): such a request is a task that ends when the right forms were sent (logged).
"""
