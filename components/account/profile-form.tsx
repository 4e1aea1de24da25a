import { randomUUID } from 'node:crypto';
import { saveProfile } from '@/lib/portal/profile-actions';
import { countryOptions } from '@/lib/portal/countries';
import type { ClientDetails } from '@/lib/whmcs/types';
import { ActionForm, SelectField, TextField } from '@/components/forms/action-form';
import styles from './account.module.css';

// The account's contact details, in the fields UpdateClient may change
// (lib/portal/profile-form.ts checks them again on the server).

type Props = { client: ClientDetails; loginEmail: string };

export function ProfileForm({ client, loginEmail }: Props) {
  const countries = countryOptions();
  const known = countries.some((c) => c.value === client.countryCode);

  return (
    <ActionForm action={saveProfile} submission={randomUUID()} submitLabel="Save changes">
      <fieldset className={styles.fieldset}>
        <legend>Name</legend>
        <TextField
          name="firstName"
          label="First name"
          defaultValue={client.firstName}
          autoComplete="given-name"
          maxLength={100}
          required
        />
        <TextField
          name="lastName"
          label="Last name"
          defaultValue={client.lastName}
          autoComplete="family-name"
          maxLength={100}
          required
        />
        <TextField
          name="companyName"
          label="Company (optional)"
          defaultValue={client.companyName}
          autoComplete="organization"
          maxLength={100}
        />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Contact</legend>
        <TextField
          name="email"
          label="Account email address"
          type="email"
          hint={
            `Invoices and notices for this account go here. It is not the address ` +
            `you sign in with (${loginEmail}), which stays as it is. Changing it asks ` +
            `you to confirm it’s you first when you signed in a while ago.`
          }
          defaultValue={client.email}
          autoComplete="email"
          maxLength={254}
          required
        />
        <TextField
          name="phone"
          label="Phone number (optional)"
          type="tel"
          hint="With the country code if you like, e.g. +33 4 78 00 00 00."
          defaultValue={client.phone}
          autoComplete="tel"
          maxLength={32}
        />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Billing address</legend>
        <TextField
          name="address1"
          label="Address"
          defaultValue={client.address1}
          autoComplete="address-line1"
          maxLength={100}
          required
        />
        <TextField
          name="address2"
          label="Address line 2 (optional)"
          defaultValue={client.address2}
          autoComplete="address-line2"
          maxLength={100}
        />
        <TextField
          name="city"
          label="City"
          defaultValue={client.city}
          autoComplete="address-level2"
          maxLength={100}
          required
        />
        <TextField
          name="state"
          label="State or region (optional)"
          defaultValue={client.state}
          autoComplete="address-level1"
          maxLength={100}
        />
        <TextField
          name="postcode"
          label="Postcode (optional)"
          defaultValue={client.postcode}
          autoComplete="postal-code"
          maxLength={20}
        />
        <SelectField
          name="countryCode"
          label="Country"
          defaultValue={client.countryCode}
          options={
            known ? countries : [{ value: '', label: 'Choose a country' }, ...countries]
          }
          required
        />
        <TextField
          name="taxId"
          label="Tax ID (optional)"
          hint="A VAT or other tax number to show on your invoices."
          defaultValue={client.taxId}
          maxLength={64}
        />
      </fieldset>
    </ActionForm>
  );
}
